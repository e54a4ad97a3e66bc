/// A coding key with any name, to list and reject a document's unknown fields.
struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// Throws for the first field (in name order) that is not one of `known`, suggesting the
  /// closest known name.
  func rejectUnknownFields(_ known: [String]) throws {
    let container = try self.container(keyedBy: AnyCodingKey.self)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
    where !known.contains(key.stringValue) {
      var message = "unknown field `\(key.stringValue)`"
      if let suggestion = Suggestions.closest(to: key.stringValue, among: known) {
        message += "; did you mean `\(suggestion)`?"
      } else {
        message += "; the fields here are " + known.map { "`\($0)`" }.joined(separator: ", ")
      }
      throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
    }
  }
}

extension KeyedDecodingContainer {
  /// Decodes an ISO-8601 date string.
  func decodeDate(forKey key: Key) throws -> CivilDate {
    let text = try decodeString(forKey: key, expecting: "a date string such as \"2026-03-10\"")
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.description)
    }
  }

  /// Decodes an ISO-8601 date string when the key is present and not null.
  func decodeDateIfPresent(forKey key: Key) throws -> CivilDate? {
    try decodeNilOrAbsent(key) ? nil : decodeDate(forKey: key)
  }

  /// Decodes an amount in `currency` written as a decimal string, rejecting JSON numbers.
  func decodeMoney(forKey key: Key, currency: Currency) throws -> Money {
    let text = try decodeString(
      forKey: key, expecting: "a decimal string such as \"250.00\" (JSON numbers lose cents)")
    let money: Money
    do {
      money = try Money(parsing: text, currency: currency)
    } catch {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.description)
    }
    return money
  }

  /// Decodes a string, explaining what is expected when the value has another JSON type.
  func decodeString(forKey key: Key, expecting expectation: String) throws -> String {
    guard contains(key) else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: codingPath, debugDescription: "missing field; expected \(expectation)"))
    }
    do {
      return try decode(String.self, forKey: key)
    } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "expected \(expectation)")
    }
  }

  /// Decodes an optional array of strings (absent or null is empty).
  func decodeStrings(forKey key: Key) throws -> [String] {
    guard !(try decodeNilOrAbsent(key)) else { return [] }
    do {
      return try decode([String].self, forKey: key)
    } catch DecodingError.typeMismatch {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "expected an array of strings such as [\"vip\"]")
    }
  }

  /// Whether the key is absent or explicitly `null`.
  func decodeNilOrAbsent(_ key: Key) throws -> Bool {
    try !contains(key) || decodeNil(forKey: key)
  }
}

extension DecodingError {
  /// The error as an ``InputError`` naming the field's path (`payments[0].amount`).
  var inputError: InputError {
    switch self {
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return InputError(path: "", message: "the document is not valid JSON; check brackets, commas and quotes")
      }
      return InputError(path: Self.path(context.codingPath), message: context.debugDescription)
    case .keyNotFound(let key, let context):
      let message =
        context.debugDescription.hasPrefix("missing field")
        ? context.debugDescription : "missing field; add `\"\(key.stringValue)\"`"
      return InputError(path: Self.path(context.codingPath + [key]), message: message)
    case .typeMismatch(let type, let context):
      return InputError(path: Self.path(context.codingPath), message: "expected \(Self.describe(type))")
    case .valueNotFound(let type, let context):
      return InputError(
        path: Self.path(context.codingPath), message: "is null; expected \(Self.describe(type))")
    @unknown default:
      return InputError(path: "", message: "the document could not be read")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is [Any].Type: return "an array"
    case is Bool.Type: return "true or false"
    default: return "an object"
    }
  }

  static func path(_ codingPath: [any CodingKey]) -> String {
    var path = ""
    for key in codingPath {
      if let index = key.intValue {
        path += "[\(index)]"
      } else {
        path += path.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return path
  }
}
