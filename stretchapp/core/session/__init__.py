"""Playing a routine: the timeline, the session engine on a given clock, cues, crash recovery."""
