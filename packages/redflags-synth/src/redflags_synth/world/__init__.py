"""The synthetic world generator: a coherent Danish world with ground truth, demo to large."""
