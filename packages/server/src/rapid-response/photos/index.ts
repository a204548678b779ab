// Public surface of rapid-response/photos: other modules import from here, never from its files.
