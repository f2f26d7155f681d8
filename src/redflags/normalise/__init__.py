"""Pure normalisation functions: text folding, phones, handles, e-mails, names, addresses, and
the contacts in free text however disguised (`contacts.find_contacts`)."""
