"""Typologies: parameterised generators of trafficking networks and hard negatives."""
