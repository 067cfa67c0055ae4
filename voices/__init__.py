"""Speech in and out (speech-to-text, text-to-speech with a voice catalog)."""
