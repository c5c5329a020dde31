"""Personal notes and "bespreken in vergadering" flags, kept only on this laptop."""
