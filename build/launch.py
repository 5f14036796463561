from qbr_desktop.app import main

raise SystemExit(main())
