"""The base test case every integration test inherits."""
import os
import unittest


class SSotBaseTestCase(unittest.TestCase):
    """Connects to the real services named by the environment; never to fakes."""

    @classmethod
    def setUpClass(cls):
        cls.database_url = os.environ.get("DATABASE_URL", "postgresql://localhost/test")
        cls.api_url = os.environ.get("API_URL", "http://localhost:8000")


class DatabaseTestCase(SSotBaseTestCase):
    """Adds a transaction that is rolled back after each test."""
