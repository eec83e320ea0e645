/**
 * The reports of `testaudit/no-test-doubles` as its RuleTester matrices expect them, in both languages:
 * why a class is a double (its name's pattern, a mocking base), and each kind of finding at a span.
 */
import type { ExpectedError, Span } from "../rule-tester.js";

export const PREFIX = "its name matches /^(Mock|Fake|Stub|Dummy|Spy)[A-Z]/";
export const SUFFIX = "its name matches /[a-z](Mock|Fake|Stub)$/";
export const inherits = (base: string): string => `it inherits from '${base}'`;

export const doubleClass = (name: string, reason: string, span: Span): ExpectedError => ({ messageId: "doubleClass", data: { name, cls: name, reason }, ...span });
export const doubleImport = (name: string, cls: string, reason: string, span: Span): ExpectedError => ({ messageId: "doubleImport", data: { name, cls, reason }, ...span });
export const doubleUse = (name: string, cls: string, reason: string, span: Span): ExpectedError => ({ messageId: "doubleUse", data: { name, cls, reason }, ...span });
export const factoryCall = (name: string, factory: string, span: Span): ExpectedError => ({ messageId: "factoryCall", data: { name, factory }, ...span });
