/**
 * The catalog against the real API.
 *
 * Business Value Justification:
 * - Segment: Free, Early
 * - Business Goal: Activation
 * - Value Impact: Shoppers find products on the first search
 * - Strategic Impact: Search is the top of the funnel
 */
import { describe, expect, it } from "vitest";
import { api } from "../test-framework/ssot";

interface Product {
  sku: string;
  price: number;
}

describe("catalog", () => {
  it("lists products", async () => {
    // mockCatalog is the real seed data loaded into the test database, not a mock.
    const mockCatalog = await api<Product[]>("/products");
    expect(mockCatalog.length).toBeGreaterThan(0);
  });

  it.each(["A1", "B2"])("finds %s", async (sku) => {
    const product = await api<Product>(`/products/${sku}`);
    expect(product satisfies Product).toMatchObject({ sku });
  });
});
