"""Local simulator: offline NLU from the interaction model, request envelopes, REPL, scripts."""
