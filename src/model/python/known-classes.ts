/**
 * Classes whose definitions are not in the project, so the resolver cannot read them, but whose
 * place in the class hierarchy is known.
 */

/** Python's builtin classes (`dir(builtins)` of CPython 3.11): bases with no file to read. */
export const BUILTIN_CLASSES: ReadonlySet<string> = new Set([
  "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
  "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
  "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
  "DeprecationWarning", "EOFError", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
  "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
  "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
  "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
  "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
  "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning",
  "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
  "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
  "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning",
  "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "bool", "bytearray", "bytes", "classmethod",
  "complex", "dict", "enumerate", "filter", "float", "frozenset", "int", "list", "map", "memoryview",
  "object", "property", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type",
  "zip",
]);

/**
 * Base classes of well-known test case classes of the standard library and of test frameworks, by
 * qualified name, so `unittest.case.TestCase`, `IsolatedAsyncioTestCase` or Django's and Django REST
 * framework's test cases are known to reach `unittest.TestCase`.
 */
export const KNOWN_BASES: ReadonlyMap<string, readonly string[]> = new Map([
  ["unittest.case.TestCase", ["unittest.TestCase"]],
  ["unittest.IsolatedAsyncioTestCase", ["unittest.TestCase"]],
  ["unittest.async_case.IsolatedAsyncioTestCase", ["unittest.TestCase"]],
  ["unittest.FunctionTestCase", ["unittest.TestCase"]],
  ["django.test.SimpleTestCase", ["unittest.TestCase"]],
  ["django.test.testcases.SimpleTestCase", ["unittest.TestCase"]],
  ["django.test.TransactionTestCase", ["django.test.SimpleTestCase"]],
  ["django.test.testcases.TransactionTestCase", ["django.test.SimpleTestCase"]],
  ["django.test.TestCase", ["django.test.TransactionTestCase"]],
  ["django.test.testcases.TestCase", ["django.test.TransactionTestCase"]],
  ["django.test.LiveServerTestCase", ["django.test.TransactionTestCase"]],
  ["django.contrib.staticfiles.testing.StaticLiveServerTestCase", ["django.test.LiveServerTestCase"]],
  ["rest_framework.test.APISimpleTestCase", ["django.test.SimpleTestCase"]],
  ["rest_framework.test.APITransactionTestCase", ["django.test.TransactionTestCase"]],
  ["rest_framework.test.APITestCase", ["django.test.TestCase"]],
  ["rest_framework.test.APILiveServerTestCase", ["django.test.LiveServerTestCase"]],
  ["twisted.trial.unittest.SynchronousTestCase", ["unittest.TestCase"]],
  ["twisted.trial.unittest.TestCase", ["twisted.trial.unittest.SynchronousTestCase"]],
  ["asynctest.TestCase", ["unittest.TestCase"]],
  ["aiohttp.test_utils.AioHTTPTestCase", ["unittest.IsolatedAsyncioTestCase"]],
  ["tornado.testing.AsyncTestCase", ["unittest.TestCase"]],
  ["tornado.testing.AsyncHTTPTestCase", ["tornado.testing.AsyncTestCase"]],
  ["flask_testing.TestCase", ["unittest.TestCase"]],
]);
