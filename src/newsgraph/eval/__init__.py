"""Measuring the stages against public gold data (PolNeAR quotes, LGL places, PLOVER events)."""
