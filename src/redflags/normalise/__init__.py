"""Pure normalisation functions: text folding, phones, handles, e-mails, names, addresses."""
