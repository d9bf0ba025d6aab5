"""Neck Twitch Check: an Alexa skill that triages a twitching neck muscle."""
