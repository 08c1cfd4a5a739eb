touch z y x 10 9 B a
echo *
