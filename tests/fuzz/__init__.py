"""The hostile-input harness: generated malformed inputs and the contract each must hold.

`corpus.all_cases()` lists the cases, `harness.run_case()` runs one through the real CLI and
checks its outcome; `harness.TALLY` counts "tried N, held M" for the summary at the end.
"""
