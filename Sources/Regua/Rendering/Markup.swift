/// Input text made safe to embed in a rendered document: XML and HTML, or a Mermaid diagram.
///
/// Cadence names, step arguments, conditions and invoice ids may come from untrusted tenants.
/// Every piece of such text a renderer writes goes through one of these functions, so a name
/// such as `</text><script>` or `a & "b"` displays as written and never changes the document's
/// structure. Control and bidirectional formatting characters are first written as visible
/// escapes (``SafeText/escaped(_:)``), so a name cannot display in another order than it reads.
///
/// ```swift
/// Markup.xml("<script>&\"")      // &lt;script&gt;&amp;&quot;
/// Markup.mermaid("when a: b")     // when a#58; b
/// ```
public enum Markup {
  /// `text` escaped for XML and HTML, in element content and in quoted attribute values alike.
  ///
  /// `&`, `<`, `>`, `"` and `'` become character references; control and bidirectional
  /// characters become visible escapes (`\u{202E}`), and the noncharacters U+FFFE and U+FFFF,
  /// which XML does not allow, too.
  public static func xml(_ text: String) -> String {
    let safe = SafeText.escaped(text)
    var result = ""
    result.reserveCapacity(safe.utf8.count)
    for scalar in safe.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\u{FFFE}", "\u{FFFF}": result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `text` escaped for a label of a Mermaid diagram: every ASCII character that Mermaid's
  /// syntax gives a meaning (`:`, `;`, `#`, `%`, `<`, `>`, `&`, quotes, brackets, braces…) is
  /// written as an entity code (`#58;`), which Mermaid decodes when it draws the label.
  ///
  /// Letters, digits, spaces, `-_.,+/=!?@*$()` and non-ASCII printable characters are kept.
  public static func mermaid(_ text: String) -> String {
    var result = ""
    for scalar in SafeText.escaped(text).unicodeScalars {
      if scalar.isASCII, !isPlainInMermaid(scalar) {
        result += "#\(scalar.value);"
      } else if scalar == "\u{FFFE}" || scalar == "\u{FFFF}" {
        result += "#\(scalar.value);"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isPlainInMermaid(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", " ", "-", "_", ".", ",", "+", "/", "=", "!", "?", "@", "*", "$", "(", ")":
      return true
    default:
      return false
    }
  }
}
