"""The truth of a synthetic world: the contract between the generator (redflags-synth, which
writes it) and the evaluation (`truth.py`, which reads it). The scanner owns it so that the
generator depends on the scanner, never the other way round.

    truth/networks.parquet  one row per network (NETWORKS_SCHEMA)
    truth/entities.parquet  who is who in a network (ENTITIES_SCHEMA; the generator may add
                            further text columns, such as image_base)
    truth/records.parquet   the records typologies wrote and the indicators expected on them
                            (RECORDS_SCHEMA); records not listed are background
    truth/world.json        how the world was made (generator, seed, scale, counts)
"""

from __future__ import annotations

import pyarrow as pa

TRUTH_FOLDER = "truth"
NETWORKS_FILE = "networks.parquet"
ENTITIES_FILE = "entities.parquet"
RECORDS_FILE = "records.parquet"
WORLD_FILE = "world.json"

NETWORKS_SCHEMA = pa.schema(
    [
        pa.field("network_id", pa.string(), nullable=False),
        pa.field("typology", pa.string(), nullable=False),
        pa.field("positive", pa.bool_(), nullable=False),
        pa.field("hard_negative", pa.bool_(), nullable=False),
        pa.field("description", pa.string()),
    ]
)
ENTITIES_SCHEMA = pa.schema(
    [
        pa.field("network_id", pa.string(), nullable=False),
        pa.field("entity_kind", pa.string(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("role", pa.string(), nullable=False),
    ]
)
RECORDS_SCHEMA = pa.schema(
    [
        pa.field("kind", pa.string(), nullable=False),
        pa.field("record_id", pa.string(), nullable=False),
        pa.field("network_id", pa.string()),
        pa.field("expected_indicators", pa.list_(pa.string()), nullable=False),
    ]
)
