"""Alexa adapter: ASK SDK handlers that translate requests to the triage engine and back."""
