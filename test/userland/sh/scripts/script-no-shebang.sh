echo 'echo no-shebang $1' > ns
chmod +x ns
./ns arg
