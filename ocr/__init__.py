"""The Match Result Recorder: result screenshots become match records."""
