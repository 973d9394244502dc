"""Claims and stances: what each statement's content puts forward (``extraction``), the Propositions it
is grouped into (``propositions``, component cc_propositions), what the source does to each (``stance``,
cc_stance) and how sure each link is (``linking``, cc_links)."""
