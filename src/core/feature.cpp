#include "core/feature.hpp"

#include <cstdio>

namespace pamir {

std::string toString(const FieldValue& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.10g", d);
      return buf;
    }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{}, v);
}

int Layer::fieldIndex(const std::string& fieldName) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == fieldName) return static_cast<int>(i);
  return -1;
}

int Layer::sidcFieldIndex() const {
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string& n = fields[i].name;
    if (n.size() == 4 && (n[0] | 0x20) == 's' && (n[1] | 0x20) == 'i' && (n[2] | 0x20) == 'd' && (n[3] | 0x20) == 'c')
      return static_cast<int>(i);
  }
  return -1;
}

const FieldValue& Layer::value(const Feature& f, const std::string& fieldName) const {
  static const FieldValue null;
  int i = fieldIndex(fieldName);
  if (i < 0 || static_cast<size_t>(i) >= f.values.size()) return null;
  return f.values[static_cast<size_t>(i)];
}

Bounds Layer::bounds() const {
  Bounds b;
  for (const auto& f : features) b.add(f.geometry.bounds());
  return b;
}

const Style& Layer::styleFor(const Feature& f) const {
  for (const auto& rule : styleRules) {
    const FieldValue& v = value(f, rule.field);
    if (!std::holds_alternative<std::monostate>(v) && toString(v) == rule.value) return rule.style;
  }
  return style;
}

Layer layerDescribedLike(const Layer& layer) {
  Layer out;
  out.name = layer.name;
  out.id = layer.id;
  out.source = layer.source;
  out.sourceLayer = layer.sourceLayer;
  out.sourceCrs = layer.sourceCrs;
  out.geometryType = layer.geometryType;
  out.group = layer.group;
  out.fields = layer.fields;
  out.visible = layer.visible;
  out.yearFields = layer.yearFields;
  out.countryFields = layer.countryFields;
  out.countryAliases = layer.countryAliases;
  out.builtin = layer.builtin;
  return out;
}

}  // namespace pamir
