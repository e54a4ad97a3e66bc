/// A JSON value with a deterministic writer: keys sorted by their UTF-8 bytes, `/` not escaped,
/// no insignificant white space, absent values written as `null`.
///
/// Foundation's encoder is avoided for output so that bytes are identical on every platform and
/// locale.
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object; written with its keys sorted.
  case object([String: JSONValue])

  /// A string, or `null` for `nil`.
  public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// The value serialized on one line.
  public var serialized: String {
    var output = ""
    write(to: &output)
    return output
  }

  /// Appends the serialized value to `output`.
  public func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .string(let value): JSONValue.writeString(value, to: &output)
    case .array(let values):
      output += "["
      for (index, value) in values.enumerated() {
        if index > 0 { output += "," }
        value.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, key) in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        .enumerated()
      {
        if index > 0 { output += "," }
        JSONValue.writeString(key, to: &output)
        output += ":"
        members[key]?.write(to: &output)
      }
      output += "}"
    }
  }

  /// Appends `value` as a JSON string: `"` and `\` escaped, control characters as `\uXXXX`
  /// (`\n`, `\r`, `\t` by name), and so are `DEL`, the C1 controls, the line and paragraph
  /// separators, the bidirectional formatting characters (U+061C, U+200E, U+200F,
  /// U+202A–U+202E, U+2066–U+2069) and the default-ignorable code points (U+200B…, see
  /// ``SafeText/isDefaultIgnorable(_:)``; past U+FFFF as a surrogate pair), so that a line of
  /// output cannot carry a trojan-source override or an invisible difference to whoever views
  /// it; everything else (`/` and non-ASCII included) as is.
  ///
  /// Most strings need no escape: one scan over the bytes finds that out, and they are appended
  /// whole.
  static func writeString(_ value: String, to output: inout String) {
    output += "\""
    let plain =
      value.utf8.withContiguousStorageIfAvailable(isPlain)
      ?? Array(value.utf8).withUnsafeBufferPointer(isPlain)
    if plain {
      output += value
    } else {
      var escaped: [UInt8] = []
      appendEscaped(value, to: &escaped)
      output += String(decoding: escaped, as: UTF8.self)
    }
    output += "\""
  }

  /// Appends `value`'s UTF-8 to `output` with every character that must be escaped in a JSON
  /// string escaped (see ``writeString(_:to:)``), quotes not included: the one place that
  /// decides how a character is escaped, for strings and for ``JSONBuffer``'s bytes.
  static func appendEscaped(_ value: String, to output: inout [UInt8]) {
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output.append(contentsOf: #"\""#.utf8)
      case "\\": output.append(contentsOf: #"\\"#.utf8)
      case "\n": output.append(contentsOf: #"\n"#.utf8)
      case "\r": output.append(contentsOf: #"\r"#.utf8)
      case "\t": output.append(contentsOf: #"\t"#.utf8)
      case let c where SafeText.isUnsafe(c):
        for unit in c.utf16 {
          let hex = String(unit, radix: 16)
          output.append(contentsOf: #"\u"#.utf8)
          output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
          output.append(contentsOf: hex.utf8)
        }
      default: UTF8.encode(scalar) { output.append($0) }
      }
    }
  }

  /// Whether the UTF-8 text `bytes` can be written between quotes as is: no `"`, no `\`, no
  /// scalar that ``SafeText/isUnsafe(_:)``.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for offset in bytes.indices {
      let byte = bytes[offset]
      // Printable ASCII (0x20–0x7E), the common case, first.
      if byte &- 0x20 < 0x5F {
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
        continue
      }
      if SafeText.mayStartUnsafe(byte), SafeText.unsafeScalarLength(bytes, at: offset) > 0 { return false }
    }
    return true
  }
}
