echo a    b     c
echo "a    b"
echo
echo -n
echo -- -n x
echo -e x
