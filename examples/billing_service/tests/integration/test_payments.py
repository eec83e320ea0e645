"""Payments against the real payment gateway sandbox."""
import unittest
from unittest.mock import patch

import requests

from test_framework.ssot import SSotBaseTestCase


class PaymentTests(SSotBaseTestCase):
    """Business Value Justification:
    - Segment: Enterprise
    - Business Goal: Conversion
    - Value Impact: Payments succeed on the first try
    - Strategic Impact: Failed payments are lost revenue
    """

    @patch("billing.gateway.charge")
    def test_charge_card(self, charge):
        charge.return_value = {"status": "ok"}
        response = requests.post(f"{self.api_url}/payments", json={"amount": 500}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_refund(self, mocker):
        mocker.patch("billing.gateway.refund", return_value=True)
        response = requests.post(f"{self.api_url}/refunds", json={"payment": 1}, timeout=10)
        self.assertEqual(response.status_code, 201)


class LegacyPaymentTests(unittest.TestCase):
    """Business Value Justification:
    - Segment: Enterprise
    - Business Goal: Conversion
    - Value Impact: Old payment links keep working
    - Strategic Impact: Links in sent emails must not break
    """

    def test_legacy_link(self):
        response = requests.get("http://localhost:8000/pay/legacy-123", timeout=10)
        self.assertEqual(response.status_code, 200)
