#include "extract/text_normalizer.h"

namespace newsgraph {

uint32_t DecodeUtf8(std::string_view s, size_t i, int* length) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  *length = 1;
  if (c < 0x80) return c;
  int need;
  uint32_t cp;
  uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3, cp = c & 0x07, min = 0x10000;
  } else {
    return 0xFFFD;
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return 0xFFFD;
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *length = need + 1;
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    if (cp == 0xFFFD && length == 1) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s, i, static_cast<size_t>(length));
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

namespace {

// Returns the ASCII replacement for a code point, or nullptr to keep it.
const char* Replacement(uint32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return "-";
    case 0x2014:
    case 0x2015:
      return " - ";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return "";
    default:
      if (cp >= 0x2000 && cp <= 0x200A) return " ";
      return nullptr;
  }
}

}  // namespace

NormalizedText NormalizeText(std::string_view in) {
  NormalizedText out;
  out.text.reserve(in.size());
  out.to_original.reserve(in.size() + 1);
  auto emit = [&out](std::string_view piece, uint32_t origin) {
    for (char ch : piece) {
      out.text.push_back(ch);
      out.to_original.push_back(origin);
    }
  };
  size_t i = 0;
  while (i < in.size()) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    const uint32_t origin = static_cast<uint32_t>(i);
    if (c < 0x80) {
      if (c == '\r') {
        if (i + 1 < in.size() && in[i + 1] == '\n') {
          ++i;  // CRLF: keep only the LF.
          continue;
        }
        emit("\n", origin);
      } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
        emit(" ", origin);
      } else {
        out.text.push_back(static_cast<char>(c));
        out.to_original.push_back(origin);
      }
      ++i;
      continue;
    }
    int length = 1;
    const uint32_t cp = DecodeUtf8(in, i, &length);
    if (cp == 0xFFFD && length == 1) {
      if (out.first_invalid_byte < 0) out.first_invalid_byte = static_cast<int64_t>(i);
      emit("\xEF\xBF\xBD", origin);
      ++i;
      continue;
    }
    if (const char* rep = Replacement(cp)) {
      emit(rep, origin);
    } else {
      emit(in.substr(i, length), origin);
    }
    i += length;
  }
  out.to_original.push_back(static_cast<uint32_t>(in.size()));
  return out;
}

}  // namespace newsgraph
