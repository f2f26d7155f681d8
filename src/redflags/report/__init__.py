"""Surfaces that write what a run found: JSON, the HTML report; identifiers redacted by default."""

from redflags.report.context import ReportContext
from redflags.report.dossier import write_dossiers
from redflags.report.exports import write_exports
from redflags.report.html import write_html_report
from redflags.report.json_export import write_cases_json, write_findings_jsonl
from redflags.report.redact import Redactor

__all__ = [
    "Redactor",
    "ReportContext",
    "write_cases_json",
    "write_dossiers",
    "write_exports",
    "write_findings_jsonl",
    "write_html_report",
]
