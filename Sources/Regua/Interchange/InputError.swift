/// A problem in an input document (an invoice in JSON): where it is and how to fix it.
///
/// ```
/// payments[0].amount: `-5.00` is negative; a payment is a positive amount such as "250.00"
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path of the field at fault, e.g. `payments[0].amount`; empty for the whole document.
  public var path: String
  /// What is wrong and what is expected, for people.
  public var message: String

  /// Creates an input error.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`, or the message alone for the whole document.
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
