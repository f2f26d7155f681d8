"""The words a page shows for the service's codes (statuses, roles, record and identifier kinds,
timeline events): English msgids marked for `pybabel extract`, translated where they are shown
(`_(L.STATUS[code])` in a template). An unknown code is shown as it is."""

from __future__ import annotations

from redflags.service.web.i18n import N_

STATUS = {
    "new": N_("New"),
    "in_progress": N_("In progress"),
    "needs_information": N_("Needs information"),
    "confirmed": N_("Confirmed"),
    "reported": N_("Reported"),
    "dismissed": N_("Dismissed"),
    "merged": N_("Merged into another case"),
}
PRIORITY = {"high": N_("High priority"), "review": N_("For review"), "none": N_("No priority")}
SCAN_STATUS = {"new": N_("New from a scan"), "changed": N_("Changed"), "unchanged": N_("Unchanged")}
USER_ROLE = {
    "viewer": N_("Viewer"),
    "analyst": N_("Analyst"),
    "reviewer": N_("Reviewer"),
    "admin": N_("Administrator"),
}
NETWORK_ROLE = {
    "organiser": N_("Organiser"),
    "recruiter": N_("Recruiter"),
    "worker": N_("Worker"),
    "buyer": N_("Buyer"),
}
NETWORK_ROLE_PLURAL = {
    "organiser": N_("Organisers"),
    "recruiter": N_("Recruiters"),
    "worker": N_("Workers"),
    "buyer": N_("Buyers"),
}
RECORD_KIND = {
    "ad": N_("Ad"),
    "message": N_("Message"),
    "transaction": N_("Payment"),
    "customer": N_("Customer"),
    "device_event": N_("Device event"),
    "kyc_event": N_("KYC event"),
    "company": N_("Company register"),
    "observation": N_("Field note"),
}
RECORD_KIND_PLURAL = {
    "ad": N_("Ads"),
    "message": N_("Messages"),
    "transaction": N_("Payments"),
    "customer": N_("Customers"),
    "device_event": N_("Device events"),
    "kyc_event": N_("KYC events"),
    "company": N_("Company register entries"),
    "observation": N_("Field notes"),
}
IDENTIFIER_KIND = {
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "handle": N_("Messenger handle"),
    "account": N_("Account"),
    "device": N_("Device"),
    "ip": N_("IP address"),
    "address": N_("Street address"),
    "customer": N_("Customer"),
    "name": N_("Name"),
    "persona": N_("Advertised name"),
    "person": N_("Person"),
    "card": N_("Card"),
    "company": N_("Company"),
    "url": N_("Web address"),
    "image": N_("Photo"),
}
IDENTIFIER_KIND_PLURAL = {
    "phone": N_("Phones"),
    "email": N_("E-mails"),
    "handle": N_("Messenger handles"),
    "account": N_("Accounts"),
    "device": N_("Devices"),
    "ip": N_("IP addresses"),
    "address": N_("Street addresses"),
    "customer": N_("Customers"),
    "name": N_("Names"),
    "persona": N_("Advertised names"),
    "person": N_("Persons"),
    "card": N_("Cards"),
    "company": N_("Companies"),
    "url": N_("Web addresses"),
    "image": N_("Photos"),
}
EDGE_KIND = {"identity": N_("Named together"), "payment": N_("Payments")}
STEP_CODE = {
    "RULE-NO-ANCHOR": N_("No sign of the act or means of trafficking"),
    "CONTROL-MONEY-AND-PAPERS": N_("Control over the person's money and papers"),
}
TIMELINE_EVENT = {
    "finding": N_("Finding"),
    "first_ad": N_("First ad"),
    "first_recruitment": N_("First recruitment"),
    "removal": N_("Removal"),
    "payment_burst": N_("Burst of payments"),
}
ALERT_STATE = {
    "open": N_("Open"),
    "dismissed": N_("Dismissed"),
    "escalated": N_("Escalated"),
    "dismiss_pending": N_("Dismissal awaiting a reviewer"),
}
ALERT_ACTION = {"open": N_("Reopen"), "dismissed": N_("Dismiss"), "escalated": N_("Escalate")}
JOB_STATE = {
    "queued": N_("Queued"),
    "running": N_("Running"),
    "cancelling": N_("Cancelling"),
    "succeeded": N_("Succeeded"),
    "failed": N_("Failed"),
    "cancelled": N_("Cancelled"),
}
# the stages a scan job reports (service/scanwork.py); an ingest stage is named per source
JOB_STAGE = {
    "starting": N_("Starting"),
    "ingest": N_("Reading the files"),
    "start Spark": N_("Starting Spark"),
    "evaluate": N_("Looking for red flags"),
    "link": N_("Linking records"),
    "write report": N_("Writing the report"),
    "publish": N_("Publishing the cases"),
    "done": N_("Done"),
}
DECISION_STATE = {
    "pending": N_("Awaiting approval"),
    "applied": N_("Applied"),
    "rejected": N_("Rejected"),
    "withdrawn": N_("Withdrawn"),
}
INDICATOR_STATUS = {
    "planned": N_("Planned"),
    "experimental": N_("Experimental"),
    "test": N_("In test"),
    "stable": N_("Stable"),
    "deprecated": N_("Deprecated"),
}
DATA_SOURCE = {
    "AD-TEXT": N_("Ad text"),
    "AD-META": N_("Ad details"),
    "TXN": N_("Payments"),
    "KYC": N_("Customer due diligence"),
    "DEVICE": N_("Device events"),
    "MSG": N_("Messages"),
    "HUMAN": N_("A person's observation"),
    "REGISTRY": N_("Company register"),
}
EXAMPLE_EXPECT = {
    "fire": N_("Flags"),
    "no_fire": N_("Does not flag"),
    "known_gap": N_("Should flag; a known gap"),
}
# CMM Case 1, element by element (redflags.score.risk_v1.CASE1_SIGNATURE names them)
SIGNATURE = {
    "messenger recruitment": N_("Recruited through a messenger job ad"),
    "contact proxy": N_("One contact books for several people"),
    "buyers pay a third party": N_("Buyers pay someone else than the worker"),
    "remote controller": N_("Controlled from a distance"),
    "surveillance": N_("Watched by cameras or location sharing"),
    "evidence wiped": N_("Traces deleted together"),
}
CATEGORY_SHORT = {
    "behavioural": N_("behaviour"),
    "financial": N_("money"),
    "know_your_customer": N_("customer checks"),
    "recruitment_coercion_surveillance": N_("coercion"),
}
SORT = {
    "score": N_("Score"),
    "priority": N_("Priority"),
    "last_seen": N_("Last published"),
    "first_seen": N_("First published"),
    "id": N_("Case number"),
}
EXPORT_FORMAT = {
    "html": N_("Dossier (HTML)"),
    "json": N_("Case data (JSON)"),
    "csv": N_("Tables (CSV in a zip file)"),
    "ftm": N_("FollowTheMoney (JSON lines)"),
    "gexf": N_("Network for Gephi (GEXF)"),
}
MODEL = {"risk-v1": "risk-v1", "risk-v2": "risk-v2"}


def job_stage(stage: str | None) -> str:
    """The msgid of a job's stage ("" when it is none the pages know)."""
    if not stage:
        return ""
    return JOB_STAGE.get("ingest" if stage.startswith("ingest") else stage, "")


def word(table: dict[str, str], code: str | None) -> str:
    """The msgid for `code` (or the code itself when the table does not know it)."""
    if code is None:
        return ""
    return table.get(code, code)
