class PrivacyError(Exception):
    """A data protection request that cannot be carried out; the message is for people."""
