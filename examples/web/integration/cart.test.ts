import { describe, expect, it, vi } from "vitest";

vi.mock("../src/payments", () => ({ charge: vi.fn() }));

describe("cart", () => {
  /**
   * Business Value Justification:
   * - Segment: Mid
   * - Business Goal: Conversion
   * - Value Impact: Carts keep their items
   * - Strategic Impact: Abandoned carts are lost revenue
   */
  it("keeps items between visits", async () => {
    const response = await fetch("http://localhost:8000/cart", { method: "POST" });
    expect(response.status).toBe(201);
  });

  it("empties after checkout", async () => {
    const response = await fetch("http://localhost:8000/cart/checkout", { method: "POST" });
    expect(response.status).toBe(200);
  });
});
