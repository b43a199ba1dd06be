"""Rules about the amount and cleanliness of the text (category ``content``)."""
