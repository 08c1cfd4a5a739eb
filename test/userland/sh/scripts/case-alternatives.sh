for x in yes y no n maybe; do
  case $x in
    yes|y) echo affirmative;;
    no|n) echo negative;;
    *) echo unknown
  esac
done
