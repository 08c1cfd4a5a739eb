for x in apple banana cherry 42 ""; do
  case $x in
    a*) echo "$x starts with a";;
    *an*) echo "$x has an";;
    [0-9]*) echo "$x is a number";;
    "") echo empty;;
    *) echo "$x other";;
  esac
done
