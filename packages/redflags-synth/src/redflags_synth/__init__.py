"""Synthetic data with ground truth. Only synthetic data ever enters this repository."""
