"""The generator's truth rules: which records of a finished network carry an indicator.

Some indicators are properties of a group of records (a contact fronting personas, a payee's
inflow, customers sharing identifiers, a company's payroll), so truth can only say which records
carry them once the whole network is drawn. Each such indicator has one function in the module of
its family, registered there with `@truth_rule(ID, kind)` (registry.py), that applies the
indicator's published rule (its YAML) with the thresholds read from the catalogue. The rules are
written from the rule text, not from the detectors, so that truth says what the rule means and
the detectors are measured against it; they apply the rule to what is true (a phone written as
words is still that phone), which is where today's detectors may miss.

Every module of this package is imported here, so a new family module registers its rules
without a list to edit: ads.py (cross-ad behaviour), kyc.py, kyc_case_log.py, vulnerability.py,
financial_flows.py (money in and out of an account), financial_spending.py (what and where a
customer pays), companies.py (the company register).
"""

from __future__ import annotations

import importlib
import pkgutil

from redflags_synth.world.typologies.truth.registry import (
    TRUTH_RULES,
    NetworkRecords,
    TruthRule,
    rules_in_order,
    truth_rule,
)

MODULES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__)))
for _name in MODULES:
    importlib.import_module(f"{__name__}.{_name}")

__all__ = [
    "MODULES",
    "TRUTH_RULES",
    "NetworkRecords",
    "TruthRule",
    "rules_in_order",
    "truth_rule",
]
