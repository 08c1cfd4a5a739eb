case x in
(x)
  echo one
  echo two
  ;;
(y) echo no ;;
esac
case z in
  z) ;;
esac
echo status $?
