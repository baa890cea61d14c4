#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| xuanguan::fuzz::serve_request(data));
