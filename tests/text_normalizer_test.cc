#include "extract/text_normalizer.h"

#include <doctest/doctest.h>

namespace newsgraph {

TEST_CASE("curly quotes and dashes become ASCII with offsets into the original") {
  const std::string original = "Karpathy\xE2\x80\x99s move \xE2\x80\x94 big";
  const NormalizedText n = NormalizeText(original);
  CHECK(n.text == "Karpathy's move  -  big");
  CHECK(n.to_original.size() == n.text.size() + 1);
  // The apostrophe maps back to the first byte of U+2019.
  CHECK(n.Original(8) == 8);
  // "move" starts after the three-byte apostrophe.
  CHECK(n.Original(n.text.find("move")) == original.find("move"));
  CHECK(n.Original(n.text.size()) == original.size());
}

TEST_CASE("CRLF becomes LF, controls become spaces, zero-width characters vanish") {
  const NormalizedText n = NormalizeText("a\r\nb\x01" "c\xE2\x80\x8B" "d");
  CHECK(n.text == "a\nb cd");
  CHECK(n.Original(2) == 3);  // 'b' sits after CR LF
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and the first bad byte is reported") {
  const NormalizedText n = NormalizeText("ok\xC3(x\xED\xA0\x80");
  CHECK(n.first_invalid_byte == 2);
  CHECK(n.text.find("\xEF\xBF\xBD") == 2);
  CHECK(n.text.substr(5, 2) == "(x");
  // A lone surrogate (ED A0 80) is invalid too: three replacement characters.
  CHECK(n.text.size() == 2 + 3 + 2 + 9);
}

TEST_CASE("DecodeUtf8 rejects overlong encodings") {
  int length = 0;
  CHECK(DecodeUtf8("\xC0\xAF", 0, &length) == 0xFFFD);
  CHECK(length == 1);
  CHECK(DecodeUtf8("\xE2\x82\xAC", 0, &length) == 0x20AC);
  CHECK(length == 3);
}

}  // namespace newsgraph
