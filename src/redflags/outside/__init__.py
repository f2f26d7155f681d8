"""Outside datasets: public, labelled data from elsewhere, used to check the machinery.

Nothing here is trafficking data. A loader maps a dataset onto the canonical records, ingests
them the normal way (bad rows quarantined with reasons) and returns the dataset's own labels.
"""

from redflags.outside.amlsim import (
    AMLSIM_CURRENCY,
    AmlsimCheck,
    AmlsimLabels,
    AmlsimLoad,
    check_amlsim,
    load_amlsim,
)

__all__ = [
    "AMLSIM_CURRENCY",
    "AmlsimCheck",
    "AmlsimLabels",
    "AmlsimLoad",
    "check_amlsim",
    "load_amlsim",
]
