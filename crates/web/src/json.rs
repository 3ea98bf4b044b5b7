//! JSON as the browser parses it: `JSON.parse`, read through `Reflect`, behind the core's
//! [`Json`] trait, so the data readers are the same code natively and in the page and the
//! module carries no JSON parser of its own.

use newsmap_core::data::{Json, Kind};
use wasm_bindgen::{JsCast, JsValue};

/// A value `JSON.parse` returned.
pub struct Js(JsValue);

impl Json for Js {
    fn parse(text: &str) -> Result<Self, String> {
        js_sys::JSON::parse(text).map(Js).map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "not JSON".to_owned())
        })
    }

    fn kind(&self) -> Kind {
        let v = &self.0;
        if v.is_null() || v.is_undefined() {
            Kind::Null
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.is_string() {
            Kind::String
        } else if js_sys::Array::is_array(v) {
            Kind::Array
        } else {
            Kind::Object
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        if self.kind() != Kind::Object {
            return None;
        }
        let object: &js_sys::Object = self.0.unchecked_ref();
        if !js_sys::Object::has_own(object, &JsValue::from_str(key)) {
            return None;
        }
        js_sys::Reflect::get(&self.0, &JsValue::from_str(key))
            .ok()
            .map(Js)
    }

    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(&self.0).then(|| {
            self.0
                .unchecked_ref::<js_sys::Array>()
                .iter()
                .map(Js)
                .collect()
        })
    }

    fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }
}
