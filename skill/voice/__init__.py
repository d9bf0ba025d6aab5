"""The desk voice host (`neck-twitch talk`): speaks the skill's questions, listens for answers.

Fully offline: pocketsphinx (its English model ships inside the wheel) restricted to the
interaction model's phrases, espeak-ng for speech, sounddevice for the microphone and speaker.
What is heard is understood by the simulator's NLU and sent through the simulator's envelopes
to the same skill object that Lambda runs. Install with `pip install '.[voice]'`.
"""
