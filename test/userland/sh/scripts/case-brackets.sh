for c in a B 3 - ]; do
  case $c in
    [a-z]) echo "$c lower";;
    [A-Z]) echo "$c upper";;
    [!a-zA-Z-]) echo "$c not letter";;
    *) echo "$c other";;
  esac
done
