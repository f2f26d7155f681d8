"""Filing a confirmed case with its receivers: a goAML suspicious-transaction report for the FIU
(`goaml.py`, checked by `goaml_schema.py`, the reporting institution in `settings.py`, CMM
indicators mapped to the FIU's codes by `indicators.py`), and a signed referral package for the
police (`package.py`, `signing.py`, the dossier printed to PDF by `pdf.py`). docs/exports.md
describes both and the institution settings file."""
