fn main() {
    println!("xuanguan");
}
