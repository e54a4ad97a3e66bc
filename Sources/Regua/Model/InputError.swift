/// One problem in an input: an invoice document read from JSON, or an invoice built in Swift.
/// Where it is (the field's path) and how to fix it.
///
/// ```
/// payments[0].amount: `-5.00` is negative; a payment is an amount above zero such as "250.00"
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path of the field at fault, e.g. `payments[0].amount`; empty for the whole document.
  public var path: String
  /// What is wrong and what is expected, for people. Input text in it is quoted as a short,
  /// escaped excerpt.
  public var message: String
  /// For a document, the byte offset (from 0) where the problem is, when it has one place: a
  /// syntax error, an invalid UTF-8 byte, a duplicate key.
  public var offset: Int?

  /// Creates an input error.
  public init(path: String, message: String, offset: Int? = nil) {
    self.path = path
    self.message = message
    self.offset = offset
  }

  /// `path: message`, or the message alone for the whole document.
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in one input, so that one run shows them all: at most
/// ``Bounds/reportedInputErrors`` of them, and how many more there were.
///
/// ```
/// id: is empty; expected the invoice's id such as "INV-1001"
/// payments[1].amount: `-0` is not an amount; write "0" or leave the payment out
/// ```
public struct InvalidInput: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems, in the order they were found (document order); never empty.
  public private(set) var errors: [InputError]
  /// How many further problems were found and not listed.
  public private(set) var unlisted: Int

  /// One problem.
  public init(_ error: InputError) {
    errors = [error]
    unlisted = 0
  }

  /// Several problems; `nil` when there are none. Beyond ``Bounds/reportedInputErrors`` they are
  /// counted, not listed.
  public init?(_ errors: [InputError], unlisted: Int = 0) {
    guard !errors.isEmpty else { return nil }
    let kept = Swift.min(errors.count, Bounds.reportedInputErrors)
    self.errors = Array(errors.prefix(kept))
    self.unlisted = unlisted + errors.count - kept
  }

  /// The problems one per line, then `and N more problems` when some were not listed.
  public var description: String {
    var lines = errors.map(\.description)
    if unlisted > 0 { lines.append("and \(unlisted) more problem\(unlisted == 1 ? "" : "s")") }
    return lines.joined(separator: "\n")
  }
}

/// Gathers the problems of one input, listing the first ``Bounds/reportedInputErrors`` and
/// counting the rest.
struct InputErrorList {
  private(set) var errors: [InputError] = []
  private(set) var unlisted = 0

  var isEmpty: Bool { errors.isEmpty }

  mutating func add(_ error: InputError) {
    if errors.count < Bounds.reportedInputErrors {
      errors.append(error)
    } else {
      unlisted += 1
    }
  }

  mutating func add(_ path: @autoclosure () -> String, _ message: @autoclosure () -> String, offset: Int? = nil) {
    if errors.count < Bounds.reportedInputErrors {
      errors.append(InputError(path: path(), message: message(), offset: offset))
    } else {
      unlisted += 1
    }
  }

  /// Adds the problems of `other`, their paths under `prefix` (`invoices[2]`) when it is not
  /// empty.
  mutating func append(_ other: InputErrorList, under prefix: String) {
    for error in other.errors {
      add(
        InputError(
          path: prefix.isEmpty ? error.path : error.path.isEmpty ? prefix : prefix + "." + error.path,
          message: error.message, offset: error.offset))
    }
    if errors.count >= Bounds.reportedInputErrors { unlisted += other.unlisted }
  }

  /// The problems as an error, or `nil` when there are none.
  var invalidInput: InvalidInput? { InvalidInput(errors, unlisted: unlisted) }
}
