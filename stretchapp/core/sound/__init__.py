"""Cue sounds, the cue sink interface, and spoken phrases rendered to WAV and cached."""
