#include "extract/temporal.h"

#include <array>
#include <cstdlib>
#include <string_view>

namespace newsgraph {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrevs = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int MonthOf(const std::string& w) {
  for (size_t i = 0; i < 12; ++i) {
    if (w == kMonths[i] || w == kMonthAbbrevs[i] || (i == 8 && w == "sept"))
      return static_cast<int>(i) + 1;
  }
  return 0;
}

int WeekdayOf(const std::string& w) {
  for (size_t i = 0; i < 7; ++i) {
    if (w == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int YearOf(const std::string& w) {
  if (w.size() != 4 || !AllDigits(w)) return 0;
  const int y = std::atoi(w.c_str());
  return y >= 1900 && y <= 2099 ? y : 0;
}

int DayOf(const std::string& w) {
  std::string digits;
  for (char c : w) {
    if (c >= '0' && c <= '9')
      digits += c;
    else
      break;
  }
  if (digits.empty() || digits.size() > 2) return 0;
  const std::string rest = w.substr(digits.size());
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  const int d = std::atoi(digits.c_str());
  return d >= 1 && d <= 31 ? d : 0;
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian calendar).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
  return out;
}

}  // namespace

bool ParseIsoDate(const std::string& iso, CivilDate* out) {
  CivilDate d;
  if (iso.size() < 4 || !AllDigits(iso.substr(0, 4))) return false;
  d.year = std::atoi(iso.substr(0, 4).c_str());
  if (iso.size() >= 7 && iso[4] == '-' && AllDigits(iso.substr(5, 2))) {
    d.month = std::atoi(iso.substr(5, 2).c_str());
    if (d.month < 1 || d.month > 12) return false;
    if (iso.size() >= 10 && iso[7] == '-' && AllDigits(iso.substr(8, 2))) {
      d.day = std::atoi(iso.substr(8, 2).c_str());
      if (d.day < 1 || d.day > 31) return false;
    }
  } else if (iso.size() > 4) {
    return false;
  }
  *out = d;
  return true;
}

std::string FormatIsoDate(const CivilDate& d) {
  char buf[16];
  if (d.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::string FindDate(const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                     const std::string& document_date) {
  CivilDate doc;
  const bool have_doc = ParseIsoDate(document_date, &doc);
  auto word = [&](uint32_t i) -> const std::string& {
    static const std::string empty;
    return i < end ? tokens[i].lower : empty;
  };
  for (uint32_t i = begin; i < end; ++i) {
    const std::string& w = tokens[i].lower;
    // Month DD, YYYY / Month YYYY / Month DD / Month
    if (const int month = MonthOf(w); month > 0 && tokens[i].Has(kCapitalized)) {
      if (w == "may" && !(i + 1 < end && (DayOf(word(i + 1)) || YearOf(word(i + 1))))) continue;
      if (w == "mar" || w == "jan") {
        if (!(i + 1 < end && (DayOf(word(i + 1)) || YearOf(word(i + 1))))) continue;
      }
      CivilDate d{0, month, 0};
      uint32_t j = i + 1;
      if (const int day = DayOf(word(j)); day > 0) {
        d.day = day;
        ++j;
        if (word(j) == ",") ++j;
      }
      if (const int year = YearOf(word(j)); year > 0) {
        d.year = year;
      } else if (have_doc) {
        d.year = doc.year;
        if (doc.month > 0 && month > doc.month) d.year -= 1;
      } else {
        continue;
      }
      return FormatIsoDate(d);
    }
    // DD Month YYYY
    if (const int day = DayOf(w); day > 0 && tokens[i].Has(kNumber)) {
      if (const int month = MonthOf(word(i + 1)); month > 0) {
        if (const int year = YearOf(word(i + 2)); year > 0)
          return FormatIsoDate({year, month, day});
        if (have_doc) {
          CivilDate d{doc.year, month, day};
          if (doc.month > 0 && month > doc.month) d.year -= 1;
          return FormatIsoDate(d);
        }
      }
    }
    // in/since/by 2019, early 2020
    if (const int year = YearOf(w); year > 0 && i > begin) {
      const std::string& prev = tokens[i - 1].lower;
      if (prev == "in" || prev == "since" || prev == "by" || prev == "during" || prev == "early" ||
          prev == "late" || prev == "mid" || prev == "until" || prev == "of") {
        return FormatIsoDate({year, 0, 0});
      }
    }
    if (!have_doc) continue;
    if (const int wd = WeekdayOf(w); wd >= 0 && doc.day > 0) {
      const int64_t days = DaysFromCivil(doc.year, doc.month, doc.day);
      const int doc_wd = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
      const int back = (doc_wd - wd + 7) % 7;
      return FormatIsoDate(CivilFromDays(days - back));
    }
    if (w == "yesterday" && doc.day > 0) {
      return FormatIsoDate(CivilFromDays(DaysFromCivil(doc.year, doc.month, doc.day) - 1));
    }
    if (w == "today" && doc.day > 0) return FormatIsoDate(doc);
    if ((w == "last" || w == "this" || w == "next") && i + 1 < end) {
      const std::string& unit = tokens[i + 1].lower;
      const int delta = w == "last" ? -1 : w == "next" ? 1 : 0;
      if (unit == "year") return FormatIsoDate({doc.year + delta, 0, 0});
      if (unit == "month" && doc.month > 0) {
        int m = doc.month + delta;
        int y = doc.year;
        if (m < 1) m += 12, y -= 1;
        if (m > 12) m -= 12, y += 1;
        return FormatIsoDate({y, m, 0});
      }
    }
  }
  return "";
}

namespace {

bool IsCurrencySymbol(const std::string& w) {
  return w == "$" || w == "\xC2\xA3" || w == "\xE2\x82\xAC" || w == "\xC2\xA5";  // $ £ € ¥
}

bool IsMagnitude(const std::string& w) {
  return w == "million" || w == "billion" || w == "trillion" || w == "mln" || w == "bln" ||
         w == "bn" || w == "m" || w == "k" || w == "thousand";
}

bool IsCurrencyWord(const std::string& w) {
  return w == "dlrs" || w == "dollars" || w == "dollar" || w == "pounds" || w == "euros" ||
         w == "yen" || w == "stg" || w == "marks" || w == "francs" || w == "usd" || w == "eur" ||
         w == "gbp" || w == "rupees" || w == "yuan" || w == "crore" || w == "lakh";
}

}  // namespace

std::string FindAmount(const NormalizedText& text, const std::vector<Token>& tokens, uint32_t begin,
                       uint32_t end, uint32_t near) {
  std::string best;
  uint32_t best_distance = UINT32_MAX;
  for (uint32_t i = begin; i < end; ++i) {
    uint32_t first = i;
    uint32_t last = i;  // inclusive
    if (IsCurrencySymbol(tokens[i].lower) && i + 1 < end && tokens[i + 1].Has(kNumber)) {
      if (i > begin && !tokens[i].Has(kSpaceBefore) &&
          (tokens[i - 1].Is("us") || tokens[i - 1].Is("u.s") || tokens[i - 1].Is("a") ||
           tokens[i - 1].Is("c") || tokens[i - 1].Is("hk"))) {
        first = i - 1;
      }
      last = i + 1;
      if (last + 1 < end && IsMagnitude(tokens[last + 1].lower)) ++last;
    } else if (tokens[i].Has(kNumber) && (i == begin || !IsCurrencySymbol(tokens[i - 1].lower))) {
      uint32_t j = i;
      if (j + 1 < end && IsMagnitude(tokens[j + 1].lower)) ++j;
      if (j + 1 < end && IsCurrencyWord(tokens[j + 1].lower)) {
        last = j + 1;
      } else {
        continue;
      }
    } else {
      continue;
    }
    const uint32_t distance = first > near ? first - near : near - first;
    if (distance < best_distance) {
      best_distance = distance;
      best = text.text.substr(tokens[first].norm_begin,
                              tokens[last].norm_end - tokens[first].norm_begin);
    }
    i = last;
  }
  return best;
}

}  // namespace newsgraph
