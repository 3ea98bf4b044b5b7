//! The messages an embedded map exchanges with its host page (see `web::embed` for the
//! browser side). Pure, so the formats are tested natively.
//!
//! ```
//! use newsmap_core::host::embed::{pym_height, is_pym_width_request};
//! assert_eq!(pym_height("map", 720), "pymxPYMxmapxPYMxheightxPYMx720");
//! assert!(is_pym_width_request("pymxPYMxmapxPYMxwidthxPYMx640", "map"));
//! ```

/// The id a frame reports its height under when the host gives none.
pub const DEFAULT_FRAME_ID: &str = "newsmap";

/// pym.js 1.3's height message: `pymxPYMx<childId>xPYMxheightxPYMx<height>`.
pub fn pym_height(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// Whether `message` is exactly pym's width message to this child (the parent then wants a
/// height). Anything else is not for us.
pub fn is_pym_width_request(message: &str, child_id: &str) -> bool {
    message
        .strip_prefix("pymxPYMx")
        .and_then(|m| m.strip_prefix(child_id))
        .and_then(|m| m.strip_prefix("xPYMxwidthxPYMx"))
        .is_some_and(|w| !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_requests_are_validated_strictly() {
        assert!(is_pym_width_request(
            "pymxPYMxexample-1xPYMxwidthxPYMx1280",
            "example-1"
        ));
        assert!(!is_pym_width_request(
            "pymxPYMxotherxPYMxwidthxPYMx1280",
            "example-1"
        ));
        assert!(!is_pym_width_request(
            "pymxPYMxexample-1xPYMxwidthxPYMx",
            "example-1"
        ));
        assert!(!is_pym_width_request(
            "pymxPYMxexample-1xPYMxwidthxPYMx12px",
            "example-1"
        ));
        assert!(!is_pym_width_request(
            "pymxPYMxexample-1xPYMxnavigateToxPYMxhttp://x",
            "example-1"
        ));
        assert!(!is_pym_width_request("", "example-1"));
    }
}
